/**
 * The control plane: what operators see and what they do, inside the exchange process and on the cold
 * path. The admin API (HTTP, JSON, a token per operator), the Prometheus metrics page and the web
 * console read the event log through their own consumers, the FIX gateway's counters and the risk
 * gateway's; every action is a command journaled through the sequencer like an order. End-of-day
 * reports are written by another consumer of the event log. Nothing here runs on the matching thread
 * or waits for it.
 */
package exchange.operations;
