/**
 * The subscriber library: joins the feed, detects gaps, recovers them from the re-request server and
 * delivers every message once, strictly in sequence, from sequence 1.
 */
package exchange.marketdata.subscriber;
