/**
 * Standard responses: each campaign's library of prewritten texts (title, text, tags) that agents search, read to
 * the contact and insert into the note; uploaded by supervisors as JSON or CSV, checked row by row.
 */
package io.outdial.dialer.responses;
