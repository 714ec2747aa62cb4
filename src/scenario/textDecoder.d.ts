/**
 * The scenario code is checked against the ES2022 library alone, to prove it needs no DOM or
 * Node API. TextDecoder is the one exception: every runtime Shortfall runs in (browsers, their
 * workers and Node) has it, and decoding a file's bytes needs it.
 */
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
