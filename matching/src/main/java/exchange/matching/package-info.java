/**
 * The matching engine: instruments, order books, commands in and events out.
 *
 * <p>A pure library. It does no I/O, reads no clock, logs nothing and, after warm-up, allocates
 * nothing. Every book lives on the single thread that calls the engine.
 */
package exchange.matching;
