// Two backstops for sockets the program did not close:
// - a Socket that is garbage-collected while open has its fd closed, with a
//   process warning (as Node does for a FileHandle), so the leak is visible;
// - on process.exit(), every socket is closed, which wakes the threadpool
//   workers blocked on them: Node joins those threads on exit and would
//   otherwise hang. (A terminated Worker is handled natively, see
//   native/env_state.cc.)
import { binding, type SocketHandle } from './binding';

interface Held {
  handle: SocketHandle;
  fd: number;
}

const registry = new FinalizationRegistry<Held>(({ handle, fd }) => {
  binding.close(handle);
  process.emitWarning(`Closed socket fd ${fd} on garbage collection: call close() on every socket`, {
    code: 'BSD_SOCKET_UNCLOSED',
  });
});

process.on('exit', () => binding.closeAll());

export function watchForLeak(owner: object, handle: SocketHandle, fd: number): void {
  registry.register(owner, { handle, fd }, owner);
}

export function stopWatching(owner: object): void {
  registry.unregister(owner);
}
