package org.bizenv.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The values a source gave: a unit × field grid of doubles (NaN where there is no valid value) with the
 * {@link Location} each value was read from. Immutable.
 *
 * <p>Units: the resolver's expected units first, in its order (each present even when the source lacks it:
 * all NaN, no location), then any further units the data named, in order of appearance. Fields: in the order
 * requested.
 */
public final class SourceValues {

    private final String sourceId;
    private final List<String> fields;
    private final List<String> units;
    private final Map<String, Integer> unitIndex;
    private final Map<String, Integer> fieldIndex;
    private final double[] values;
    private final Location[] where;
    private final String[] texts;

    private SourceValues(Builder b) {
        this.sourceId = b.sourceId;
        this.fields = b.fields;
        this.units = List.copyOf(b.units);
        this.unitIndex = Collections.unmodifiableMap(new LinkedHashMap<>(b.unitIndex));
        this.fieldIndex = b.fieldIndex;
        this.values = Arrays.copyOf(b.values, units.size() * fields.size());
        this.where = Arrays.copyOf(b.where, units.size() * fields.size());
        this.texts = Arrays.copyOf(b.texts, units.size() * fields.size());
    }

    public String sourceId() {
        return sourceId;
    }

    public List<String> fields() {
        return fields;
    }

    /** Unit codes, in reporting order. */
    public List<String> units() {
        return units;
    }

    public boolean hasUnit(String unit) {
        return unitIndex.containsKey(unit);
    }

    /** The value, NaN if the source has none (blank, invalid, missing). @throws IllegalArgumentException for a unit or field not in the table */
    public double value(String unit, String field) {
        return values[index(unit, field)];
    }

    /** The cell the value was read from (also for an invalid or blank one), null when there was no cell. */
    public Location where(String unit, String field) {
        return where[index(unit, field)];
    }

    /**
     * The accepted text code the cell held (see {@link FieldRequest#texts()}), spelled as requested; null when it
     * held a number, a blank or an invalid value. The value of such a cell is NaN.
     */
    public String text(String unit, String field) {
        return texts[index(unit, field)];
    }

    /** A unit's values, in field order. */
    public double[] row(String unit) {
        int u = unit(unit) * fields.size();
        return Arrays.copyOfRange(values, u, u + fields.size());
    }

    /** A field's values, in unit order. */
    public double[] column(String field) {
        int f = field(field);
        double[] out = new double[units.size()];
        for (int u = 0; u < out.length; u++) {
            out[u] = values[u * fields.size() + f];
        }
        return out;
    }

    private int index(String unit, String field) {
        return unit(unit) * fields.size() + field(field);
    }

    private int unit(String unit) {
        Integer u = unitIndex.get(unit);
        if (u == null) {
            throw new IllegalArgumentException("source " + sourceId + " has no unit '" + unit + "'");
        }
        return u;
    }

    private int field(String field) {
        Integer f = fieldIndex.get(field);
        if (f == null) {
            throw new IllegalArgumentException("source " + sourceId + " has no field '" + field + "'");
        }
        return f;
    }

    @Override
    public String toString() {
        return "SourceValues[" + sourceId + ": " + units.size() + " units × " + fields + "]";
    }

    /** Collects values as a reader finds them. Not thread-safe. */
    public static final class Builder {
        private final String sourceId;
        private final List<String> fields;
        private final Map<String, Integer> fieldIndex;
        private final List<String> units = new ArrayList<>();
        private final Map<String, Integer> unitIndex = new LinkedHashMap<>();
        private double[] values = new double[0];
        private Location[] where = new Location[0];
        private String[] texts = new String[0];

        /**
         * @param fields   the fields (distinct)
         * @param expected the codes of the units to list first, each present even without values
         * @throws IllegalArgumentException if a field is repeated
         */
        public Builder(String sourceId, List<String> fields, List<String> expected) {
            this.sourceId = sourceId;
            this.fields = List.copyOf(fields);
            Map<String, Integer> index = new LinkedHashMap<>();
            for (String f : this.fields) {
                if (index.putIfAbsent(f, index.size()) != null) {
                    throw new IllegalArgumentException("field '" + f + "' requested twice from source " + sourceId);
                }
            }
            this.fieldIndex = Collections.unmodifiableMap(index);
            expected.forEach(this::unit);
        }

        /** The index of a unit, added (all NaN) if new. */
        public int unit(String code) {
            Integer u = unitIndex.get(code);
            if (u != null) {
                return u;
            }
            int index = units.size();
            units.add(code);
            unitIndex.put(code, index);
            int size = units.size() * fields.size();
            if (size > values.length) {
                int capacity = Math.max(size, values.length * 2);
                int old = values.length;
                values = Arrays.copyOf(values, capacity);
                Arrays.fill(values, old, capacity, Double.NaN);
                where = Arrays.copyOf(where, capacity);
                texts = Arrays.copyOf(texts, capacity);
            }
            return index;
        }

        /** Sets a value (NaN for none) and where it was read. */
        public Builder set(int unit, int field, double value, Location at) {
            int i = unit * fields.size() + field;
            values[i] = value;
            where[i] = at;
            return this;
        }

        /** Records that the cell held an accepted text code (its value stays NaN). */
        public Builder text(int unit, int field, String code) {
            texts[unit * fields.size() + field] = code;
            return this;
        }

        public SourceValues build() {
            return new SourceValues(this);
        }
    }
}
