/* napi_decode.c - the Node-API side of the koffi-versus-Node-API measurement
 * (bench/ffi-choice.mjs).  One function, decodeTrade(in, out): calls
 * mitch_trade_decode on the bytes of `in` (a Uint8Array) into the 32 bytes
 * of `out` (a Uint8Array) and returns the status, exactly the call koffi
 * makes.  Built by "make bench-js" only; the package itself uses koffi. */
#define NAPI_VERSION 8
#include <node_api.h>
#include <mitch.h>

static napi_value decode_trade(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  void *in = NULL, *out = NULL;
  size_t in_len = 0, out_len = 0;
  int status = MITCH_ERR_INVALID_DATA;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) == napi_ok && argc == 2 &&
      napi_get_typedarray_info(env, argv[0], NULL, &in_len, &in, NULL, NULL) == napi_ok &&
      napi_get_typedarray_info(env, argv[1], NULL, &out_len, &out, NULL, NULL) == napi_ok &&
      out_len >= sizeof(mitch_trade))
    status = mitch_trade_decode(in, in_len, out);
  napi_create_int32(env, status, &result);
  return result;
}

static napi_value init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "decodeTrade", NAPI_AUTO_LENGTH, decode_trade, NULL, &fn);
  napi_set_named_property(env, exports, "decodeTrade", fn);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, init)
