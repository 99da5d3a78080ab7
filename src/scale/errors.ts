// Errors of the scale-out path (NATS bus, election), each with a stable code.
import { BoardcastError } from '../errors.js';

/** A frame message on the bus that cannot be decoded (or a frame that cannot be encoded). */
export class FrameCodecError extends BoardcastError {
  constructor(code: 'BC_FRAME_CODEC', message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(code, message, context, options);
  }
}

/** NATS is unreachable or refused an operation the role depends on. */
export class NatsUnavailableError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('BC_NATS_UNAVAILABLE', message, context, options);
  }
}
