#include "ring_receiver.h"

#include <cerrno>
#include <utility>

#include "core/posix_socket.h"

namespace bsd {

RingReceiver::RingReceiver(napi_env env, int fd, core::RxRing ring, Napi::Function callback, int budget)
    : Receiver(callback, budget),
      env_(env),
      fd_(fd),
      ring_(std::move(ring)),
      index_words_(core::IndexWords(ring_.block_size())) {
  index_ = std::make_unique<uint32_t[]>(index_words_);
}

RingReceiver::~RingReceiver() {
  // This runs on the loop thread, from JS (stop, close), from the watcher's
  // callback, or from the environment's teardown (a Worker terminating),
  // where no handle scope is open: open one for the buffers' handles.
  bool detached = true;
  napi_handle_scope scope;
  if (napi_open_handle_scope(env_, &scope) == napi_ok) {
    detached = Detach(&ring_buffer_) && Detach(&index_buffer_);
    napi_close_handle_scope(env_, scope);
  } else {
    detached = ring_buffer_ == nullptr && index_buffer_ == nullptr;
  }
  if (!detached) {
    // JS may still reach this memory: keeping it is a leak, unmapping it
    // would be a crash.
    static_cast<void>(new core::RxRing(std::move(ring_)));
    static_cast<void>(index_.release());
  }
}

bool RingReceiver::Detach(napi_ref* ref) {
  if (*ref == nullptr) return true;
  napi_value buffer = nullptr;
  bool detached = napi_get_reference_value(env_, *ref, &buffer) == napi_ok &&
                  (buffer == nullptr || napi_detach_arraybuffer(env_, buffer) == napi_ok);
  napi_delete_reference(env_, *ref);
  *ref = nullptr;
  return detached;
}

Napi::Value RingReceiver::Expose(Napi::Env env) {
  napi_value ring;
  napi_value index;
  // No finalizer: the memory is this receiver's, and the destructor detaches
  // both buffers before it goes.
  NAPI_THROW_IF_FAILED(env, napi_create_external_arraybuffer(env, ring_.base(), ring_.size(), nullptr, nullptr, &ring),
                       Napi::Value());
  NAPI_THROW_IF_FAILED(env, napi_create_reference(env, ring, 1, &ring_buffer_), Napi::Value());
  NAPI_THROW_IF_FAILED(env,
                       napi_create_external_arraybuffer(env, index_.get(), index_words_ * sizeof(uint32_t), nullptr,
                                                        nullptr, &index),
                       Napi::Value());
  NAPI_THROW_IF_FAILED(env, napi_create_reference(env, index, 1, &index_buffer_), Napi::Value());
  Napi::Object buffers = Napi::Object::New(env);
  buffers.Set("ring", Napi::Value(env, ring));
  buffers.Set("index", Napi::Value(env, index));
  return buffers;
}

ssize_t RingReceiver::Attempt(int) {
  const uint8_t* block = ring_.NextRetired();
  if (block == nullptr) {
    int error = core::PendingError(fd_);
    return error < 0 ? error : -EAGAIN;
  }
  lent_ = true;
  return core::IndexBlock(block, ring_.block_size(), ring_.NextOffset(), index_.get());
}

void RingReceiver::Delivered(ssize_t result) {
  if (result < 0 || !lent_) return;
  lent_ = false;
  ring_.Release();
}

}  // namespace bsd
