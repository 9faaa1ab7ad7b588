/**
 * EIMAS-Micro domain: market value types, streaming microstructure models and the ports the
 * outside world implements. Pure Java: no third-party library, no I/O, no clock.
 */
package org.eimas.micro.domain;
