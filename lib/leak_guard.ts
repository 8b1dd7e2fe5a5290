// Two backstops for sockets the program did not close:
// - a Socket that is garbage-collected while open has its fd closed, with a
//   process warning (as Node does for a FileHandle), so the leak is visible:
//   the native handle's finalizer closes it (native/socket_handle.cc) and
//   calls the warning registered here;
// - on process.exit(), every socket is closed, which wakes the threadpool
//   workers blocked on them: Node joins those threads on exit and would
//   otherwise hang. (A terminated Worker is handled natively, see
//   native/env_state.cc.)
import { binding } from './binding';

binding.setLeakWarning((fd) => {
  process.emitWarning(`Closed socket fd ${fd} on garbage collection: call close() on every socket`, {
    code: 'BSD_SOCKET_UNCLOSED',
  });
});

process.on('exit', () => binding.closeAll());
