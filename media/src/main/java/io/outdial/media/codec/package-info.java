/**
 * G.711 mu-law and A-law: {@link io.outdial.media.codec.G711} encodes 16-bit linear PCM, decodes through 256-entry
 * tables and transcodes PCMU/PCMA directly for the relay. Pure table arithmetic with no allocation per sample; it
 * depends on nothing but the root package's {@code Codec}.
 */
package io.outdial.media.codec;
