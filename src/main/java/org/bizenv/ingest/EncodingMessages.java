package org.bizenv.ingest;

import java.util.List;

/**
 * What bizenv says when a CSV file's encoding stops it: the row and byte of the first byte that is not text, the
 * encodings tried, and what to do. Kept apart from the CSV reading so that the messages read as one family.
 */
final class EncodingMessages {

    private static final String SAVE = "save the file as \"CSV UTF-8\"";

    private EncodingMessages() {
    }

    /**
     * Why a file is not read in the encoding chosen on its first bytes, or null when it is read: none of the
     * encodings tried fits, a guessed one is not confirmed by the rows it decodes, or a byte-order mark contradicts
     * the source's {@code encoding:}.
     */
    static String refusal(CsvEncoding.Choice c, TextEncoding stated, byte[] prefix, boolean whole,
                          CsvExpectation expected) {
        if (c.conflict() != null) {
            return "starts with the byte-order mark of " + c.conflict().shown() + ", but its source says 'encoding: "
                    + stated.key() + "': state 'encoding: " + c.conflict().key() + "' or leave the encoding out";
        }
        if (c.encoding() == null) {
            return "not valid text in UTF-8 (" + at(prefix, 0, TextEncoding.UTF_8, c.utf8Error()) + ") nor in GB18030 ("
                    + at(prefix, 0, TextEncoding.GB18030, c.gbError()) + "), the encodings tried: " + SAVE;
        }
        if (!c.guessed()) {
            return null;
        }
        String why = expected.mismatch(CsvEncoding.firstRecords(prefix, whole, c));
        if (why == null) {
            return null;
        }
        if (c.encoding() == TextEncoding.GB18030) {
            return "not valid UTF-8 text (" + at(prefix, 0, TextEncoding.UTF_8, c.utf8Error()) + "), and read as GB18030 "
                    + why + "; tried " + tried(List.of(TextEncoding.UTF_8, TextEncoding.GB18030)) + ": " + SAVE
                    + " (or, if it is GB18030 text, state 'encoding: gb18030' on its source)";
        }
        return "no byte-order mark, zero bytes as in " + c.encoding().shown() + " text, and read as "
                + c.encoding().shown() + " " + why + "; tried " + c.encoding().shown() + ": " + SAVE
                + " (or, if it is " + c.encoding().shown() + " text, state 'encoding: " + c.encoding().key()
                + "' on its source)";
    }

    /**
     * A byte not text in the encoding the file is read in, found while reading it.
     *
     * @param row    the row the byte is in
     * @param stated whether the source stated the encoding (else it was detected on the first bytes)
     */
    static String laterError(DecodedInput.UndecodableException e, long row, boolean stated) {
        String how = stated ? ", the encoding its source states"
                : ", the encoding of its first " + CsvEncoding.PREFIX / 1024 + " KiB";
        return "not valid " + e.encoding().shown() + " text (row " + row + ", byte " + e.byteOffset() + ")" + how
                + ": " + SAVE;
    }

    private static String at(byte[] prefix, int bom, TextEncoding e, long byteOffset) {
        return "row " + CsvEncoding.rowOfError(prefix, bom, e) + ", byte " + byteOffset;
    }

    private static String tried(List<TextEncoding> encodings) {
        return String.join(" and ", encodings.stream().map(TextEncoding::shown).toList());
    }
}
