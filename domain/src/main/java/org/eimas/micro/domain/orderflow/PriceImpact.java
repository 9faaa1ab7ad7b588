package org.eimas.micro.domain.orderflow;

/**
 * Expected price move for an OFI value from a fitted {@link OfiFit}.
 *
 * @param ofi   the OFI the estimate is for
 * @param ticks expected move in ticks ({@code c + beta * ofi})
 * @param bps   the same move in basis points of the mid price
 */
public record PriceImpact(double ofi, double ticks, double bps) {
}
