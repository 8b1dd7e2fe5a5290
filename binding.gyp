{
  # Keep in step with CMakeLists.txt: same sources, NAPI_VERSION, exception
  # mode and warnings.
  "targets": [{
    "target_name": "bsd_socket",
    "sources": [
      "native/address_text.cc",
      "native/addon.cc",
      "native/ancillary_js.cc",
      "native/constants.cc",
      "native/descriptor.cc",
      "native/env_state.cc",
      "native/event_loop_op.cc",
      "native/interfaces.cc",
      "native/js_args.cc",
      "native/memory_layout.cc",
      "native/op_traits.cc",
      "native/option_codec.cc",
      "native/packet_ring_js.cc",
      "native/pinned_view.cc",
      "native/readiness_watcher.cc",
      "native/resolver.cc",
      "native/receiver.cc",
      "native/receiver_js.cc",
      "native/ring_receiver.cc",
      "native/sockaddr_js.cc",
      "native/socket_calls.cc",
      "native/socket_filter.cc",
      "native/socket_handle.cc",
      "native/threadpool_op.cc",
      "native/waiting_ops.cc",
      "native/core/cmsg_codec.cc",
      "native/core/packet_ring.cc",
      "native/core/posix_socket.cc",
      "native/core/readiness_wait.cc",
      "native/core/sockaddr_codec.cc",
      "native/core/socket_filter.cc",
      "native/core/thread_slots.cc"
    ],
    "include_dirs": [
      "<!(node -p \"require('node-addon-api').include_dir\")",
      "native"
    ],
    # NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS: in a Worker being terminated
    # (or an environment being torn down) napi_throw fails; without it
    # node-addon-api throws a C++ exception from its own catch handler and
    # the process aborts.
    "defines": ["NAPI_VERSION=8", "NAPI_CPP_EXCEPTIONS", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"],
    "cflags!": ["-fno-exceptions"],
    "cflags_cc!": ["-fno-exceptions", "-fno-rtti"],
    "cflags_cc": ["-std=c++17", "-fexceptions", "-Wall", "-Wextra", "-fvisibility=hidden"],
    "cflags": ["-Wall", "-Wextra", "-fvisibility=hidden"]
  }]
}
