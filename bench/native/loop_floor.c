/* The floor of any Node library for TCP ping-pong: a client whose every
 * message is handled in C inside Node's own event loop (a uv_poll_t on the
 * environment's loop, recv(2) and send(2) in its callback), optionally with
 * one call into JS per message through a callback scope, as any JS API must
 * make. It is not part of the addon: bench/floor.ts loads it to show, in the
 * same run as the rest, how much of the gap to C is Node's process and loop
 * and how much is left to a library.
 *   start(fd, trips, onMessage | null, onDone)
 * fd is a connected, non-blocking TCP socket; onMessage(length) runs after
 * each recv when given; onDone() runs once `trips` round trips are done. */
#include <errno.h>
#include <node_api.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <uv.h>

#define SIZE 64

typedef struct {
  uv_poll_t poll;
  napi_env env;
  int fd;
  long trips;
  long done;
  long got;
  napi_ref on_message; /* NULL: no JS per message */
  napi_ref on_done;
  napi_ref resource;
  napi_async_context context;
  char message[SIZE];
  char inbox[65536];
} Client;

static void call(Client* c, napi_ref ref, size_t argc, napi_value* argv) {
  napi_env env = c->env;
  napi_value fn, resource, global, ignored;
  napi_callback_scope scope;
  napi_get_reference_value(env, ref, &fn);
  napi_get_reference_value(env, c->resource, &resource);
  napi_get_global(env, &global);
  /* A callback scope, as every call from the loop into JS needs: it runs
   * the microtasks and process.nextTick queue when it closes. */
  napi_open_callback_scope(env, resource, c->context, &scope);
  napi_call_function(env, global, fn, argc, argv, &ignored);
  napi_close_callback_scope(env, scope);
}

static void on_closed(uv_handle_t* handle) {
  Client* c = handle->data;
  napi_env env = c->env;
  if (c->on_message != NULL) napi_delete_reference(env, c->on_message);
  napi_delete_reference(env, c->on_done);
  napi_delete_reference(env, c->resource);
  napi_async_destroy(env, c->context);
  free(c);
}

static void on_closed_early(uv_handle_t* handle) { free(handle->data); }

static void on_readable(uv_poll_t* poll, int status, int events) {
  (void)events;
  Client* c = poll->data;
  ssize_t n = status < 0 ? -1 : recv(c->fd, c->inbox, sizeof(c->inbox), 0);
  if (n < 0 && status == 0 && (errno == EAGAIN || errno == EINTR)) return;
  napi_handle_scope handles;
  napi_open_handle_scope(c->env, &handles);
  if (n > 0 && c->on_message != NULL) {
    napi_value length;
    napi_create_int32(c->env, (int32_t)n, &length);
    call(c, c->on_message, 1, &length);
  }
  c->got += n > 0 ? n : 0;
  int finished = n <= 0;
  while (!finished && c->got >= SIZE) {
    c->got -= SIZE;
    finished = ++c->done == c->trips || send(c->fd, c->message, SIZE, MSG_NOSIGNAL) != SIZE;
  }
  if (finished) {
    /* Off epoll before JS may close the fd; `c` lives until on_closed. */
    uv_close((uv_handle_t*)poll, on_closed);
    call(c, c->on_done, 0, NULL);
  }
  napi_close_handle_scope(c->env, handles);
}

static napi_value start(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], resource, name;
  napi_valuetype type;
  int64_t trips;
  uv_loop_t* loop;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  Client* c = calloc(1, sizeof(Client));
  if (c == NULL) return NULL;
  c->env = env;
  napi_get_value_int32(env, argv[0], &c->fd);
  napi_get_uv_event_loop(env, &loop);
  /* EEXIST if the loop watches this fd already: libuv allows one watcher. */
  if (uv_poll_init_socket(loop, &c->poll, c->fd) != 0) {
    free(c);
    napi_throw_error(env, NULL, "uv_poll_init_socket failed");
    return NULL;
  }
  c->poll.data = c;
  memset(c->message, 7, SIZE);
  if (send(c->fd, c->message, SIZE, MSG_NOSIGNAL) != SIZE) {
    uv_close((uv_handle_t*)&c->poll, on_closed_early);
    napi_throw_error(env, NULL, "the first send failed");
    return NULL;
  }
  napi_get_value_int64(env, argv[1], &trips);
  c->trips = (long)trips;
  napi_typeof(env, argv[2], &type);
  if (type == napi_function) napi_create_reference(env, argv[2], 1, &c->on_message);
  napi_create_reference(env, argv[3], 1, &c->on_done);
  napi_create_object(env, &resource);
  napi_create_reference(env, resource, 1, &c->resource);
  napi_create_string_utf8(env, "LoopFloor", NAPI_AUTO_LENGTH, &name);
  napi_async_init(env, resource, name, &c->context);
  uv_poll_start(&c->poll, UV_READABLE, on_readable);
  return NULL;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "start", NAPI_AUTO_LENGTH, start, NULL, &fn);
  napi_set_named_property(env, exports, "start", fn);
  return exports;
}
