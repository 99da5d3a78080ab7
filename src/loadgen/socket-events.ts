// What a shard sees of one client connection, whichever path receives for it
// (client-socket.ts picks): the events it counts and the two ways it ends one.

export interface SocketEvents {
  open(): void;
  /**
   * One whole message: `data` is all of it (ws) or its first HEAD_BYTES bytes at most
   * (raw), valid only during the call; `length` is its full payload size.
   */
  message(data: Buffer, isBinary: boolean, length: number): void;
  error(text: string): void;
  /** Always last, once: after an open or a failed connect alike. */
  close(): void;
}

export interface ClientSocket {
  /** The opening handshake has not finished yet. */
  readonly connecting: boolean;
  /** Polite close (1000) when open; abort when still connecting. */
  close(): void;
  /** Drops the TCP connection at once. */
  terminate(): void;
}
