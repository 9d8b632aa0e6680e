// The API of a browser entry whose WebAssembly module is made ready by `ready()` (which returns
// the API of `makeApi`): each function waits for nothing, it calls `ready()` first.
export function lazyApi(ready) {
  return {
    validate: (...a) => ready().validate(...a),
    fix: (...a) => ready().fix(...a),
    decodeStream: (...a) => ready().decodeStream(...a),
    readStream: (...a) => ready().readStream(...a),
    chatRequest: (...a) => ready().chatRequest(...a),
    StreamAccumulator: class StreamAccumulator {
      constructor() {
        return new (ready().StreamAccumulator)();
      }
    },
  };
}
