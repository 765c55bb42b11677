/**
 * The JSON conventions of everything the bridge sends and reads, CTI messages and admin API bodies alike:
 * {@link io.outdial.bridge.json.BridgeJson} builds the Jackson mapper that holds them (strict about trailing content and
 * duplicate keys, tolerant of unknown fields), one per server. Depends on no other package.
 */
package io.outdial.bridge.json;
