package org.bizenv.template;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.evaluation.Intake;
import org.bizenv.framework.Denominator;
import org.bizenv.framework.Framework;
import org.bizenv.framework.Indicator;
import org.bizenv.framework.Names;
import org.bizenv.framework.Source;
import org.bizenv.ingest.FieldRequest;

/**
 * One thing a template asks for: an item of a return, a column of a table, a walk-through item or a survey question,
 * with what a person filling it in needs to know.
 *
 * @param request    what the reader will accept: the valid range, whether a blank is an error, accepted text codes
 *                   (the job's own request, so the template cannot promise what the reader refuses)
 * @param name       the first indicator's (or the denominator's) bilingual name
 * @param unit       the unit its value is given in ("" when the framework names none)
 * @param definition what exactly is measured ("" when the framework gives no definition)
 * @param indicators the codes of the indicators that read it (none for a denominator)
 * @param statistics walk-through and survey: the statistics its indicators take of it (pass-rate, mean-hours,
 *                   mean-score, share-favourable), each once; empty otherwise
 */
record TemplateField(FieldRequest request, Names name, String unit, String definition, List<String> indicators,
                     List<String> statistics) {

    TemplateField {
        indicators = List.copyOf(indicators);
        statistics = List.copyOf(statistics);
    }

    String field() {
        return request.field();
    }

    /**
     * The fields of a source in the order the framework lists its indicators (then its denominators), each once —
     * the fields the job's intake requests from that source.
     */
    static List<TemplateField> of(Framework fw, Source s) {
        List<TemplateField> out = new ArrayList<>();
        for (FieldRequest r : Intake.requests(fw, s)) {
            List<Indicator> readers = fw.indicators().stream()
                    .filter(i -> i.source().equals(s.id()) && i.field().equals(r.field())).toList();
            if (!readers.isEmpty()) {
                Indicator first = readers.get(0);
                out.add(new TemplateField(r, first.name(), nz(first.unit()), nz(first.definition()),
                        readers.stream().map(Indicator::code).toList(),
                        readers.stream().map(Indicator::statistic).filter(x -> x != null).distinct().toList()));
            } else {
                Denominator d = fw.denominators().stream()
                        .filter(x -> x.source().equals(s.id()) && x.field().equals(r.field())).findFirst().orElseThrow();
                out.add(new TemplateField(r, d.name(), "", "", List.of(), List.of()));
            }
        }
        return out;
    }

    /** The Chinese name if there is one, else the English one. */
    String nameZh() {
        return blank(name.zh()) ? nz(name.en()) : name.zh();
    }

    /** The English name, or "" when it is only the Chinese one again. */
    String nameEn() {
        return blank(name.en()) || name.en().equals(name.zh()) ? "" : name.en();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
