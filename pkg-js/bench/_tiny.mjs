import { validate } from "../dist/index.mjs";
import Ajv2020 from "ajv/dist/2020.js";
import { schema } from "../dist/index.mjs";
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const check = ajv.compile(schema("chat-request"));
const s = '{"messages":[{"role":"user","content":"hi"}]}';
function t(name, fn) { for (let i = 0; i < 20000; i++) fn(); const N = 200000; const t0 = performance.now(); for (let i = 0; i < N; i++) fn(); console.log(name.padEnd(20), ((performance.now() - t0) / N * 1000).toFixed(2), "us"); }
t("validate tiny", () => validate(s));
t("parse+ajv tiny", () => check(JSON.parse(s)));
t("JSON.parse report", () => JSON.parse('{"valid":true,"errors":[],"warnings":[],"summary":{"message_count":5,"has_tools":false,"stream_enabled":false,"error_count":0,"warning_count":0}}'));
