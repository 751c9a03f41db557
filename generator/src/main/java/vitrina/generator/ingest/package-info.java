/** Turns dropped zips and folders into stand folders safely: zip-slip, bombs, symbolic links, CP866 names, text encodings. */
package vitrina.generator.ingest;
