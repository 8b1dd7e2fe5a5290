// Argument checks, made before any native call: a wrong type is a TypeError,
// a value out of range a RangeError, a detached buffer a TypeError.
import { types } from 'node:util';

import { binding } from './binding';

export function checkInt(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') {
    throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export const INT32_MAX = 0x7fffffff;
export const INT32_MIN = -0x80000000;

export function checkInt32(value: unknown, name: string): number {
  return checkInt(value, name, INT32_MIN, INT32_MAX);
}

/** A timeout in milliseconds: a finite number >= 0. */
export function checkTimeout(value: unknown, name: string): number {
  if (typeof value !== 'number') throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite number of milliseconds >= 0, got ${value}`);
  }
  return value;
}

/** Data to send: a string (sent as UTF-8), an ArrayBuffer or any view of one. */
export type BinaryLike = string | ArrayBufferView | ArrayBuffer;

export function toSendView(data: unknown, name = 'data'): ArrayBufferView {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  return toView(data, name);
}

/**
 * `view.byteLength`, which Node 20's V8 does not inline: each read is a
 * generic property load and a call of the getter, about 130 instructions
 * (callgrind), where a Uint8Array's (a Buffer's) `length`, the same number,
 * is inlined. The hot paths read it a few times per message.
 */
export function byteLengthOf(view: ArrayBufferView): number {
  return view instanceof Uint8Array ? view.length : view.byteLength;
}

/** How many bytes of `view` a receive may fill: `nbytes`, checked, or all of them. */
export function receiveSize(view: ArrayBufferView, nbytes: number | undefined): number {
  const size = byteLengthOf(view);
  return nbytes === undefined ? size : checkInt(nbytes, 'nbytes', 0, size);
}

/** A buffer to read into or write from, as a view the addon can take. */
export function toView(data: unknown, name: string): ArrayBufferView {
  // ArrayBuffer.isView first: it is a V8 builtin, while util.types calls
  // into C++; views are what the hot paths pass.
  const isView = ArrayBuffer.isView(data);
  // util.types rather than instanceof: buffers may come from another realm
  // (a vm context, a jest test).
  const isBuffer = !isView && (types.isArrayBuffer(data) || types.isSharedArrayBuffer(data));
  if (!isView && !isBuffer) {
    throw new TypeError(`${name} must be a Buffer, TypedArray, DataView or ArrayBuffer, got ${describe(data)}`);
  }
  // A detached buffer reads as empty; say so rather than send or read nothing.
  const size = isView ? byteLengthOf(data as ArrayBufferView) : (data as ArrayBufferLike).byteLength;
  if (size === 0 && binding.isDetached(data as ArrayBufferView)) {
    throw new TypeError(`${name} is detached (its ArrayBuffer was transferred)`);
  }
  return isBuffer ? new Uint8Array(data as ArrayBufferLike) : data as ArrayBufferView;
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'object';
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
