import { validate } from "zylon-schema";

const report = validate({
  messages: [{ role: "user", content: [{ type: "text", text: "What is in this image?" }] }],
});
console.log(report.valid, report.errors);
