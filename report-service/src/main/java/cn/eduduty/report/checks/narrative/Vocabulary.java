package cn.eduduty.report.checks.narrative;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.metric.MetricDefinition;
import cn.eduduty.report.figures.Figure;

/**
 * The words that name metrics in a narrative: every catalogue label and alias, the labels of the
 * report's own figures that the catalogue does not hold (rating counts), and a few names of things
 * the system does not compute, so that a shorter alias inside them is not read instead (九年义务教育巩固率
 * is not 巩固率; 教育经费总投入 is not 教育经费).
 */
final class Vocabulary {

    /** Names of figures the system does not compute; a number they name is unattributed, with the reason. */
    static final List<String> NOT_COMPUTED = List.of("九年义务教育巩固率", "义务教育巩固率", "公办园在园幼儿占比",
            "公办幼儿园在园幼儿占比", "公办园占比", "随班就读", "送教上门", "教育经费总投入", "教育总投入", "财政性教育经费",
            "地方教育附加", "教育费附加", "普通话普及率", "入学率", "辍学率", "升学率", "毕业率", "合格率", "优秀率", "近视率", "体质健康", "校外培训机构", "学位");

    /** A word and the metric keys it names (empty: a name of something not computed). */
    record Term(String word, List<String> keys) {
    }

    /** Where a term stands in a text. */
    record Occurrence(int start, int end, Term term) {
    }

    private final List<Term> longestFirst;

    private Vocabulary(Map<String, List<String>> keysByWord) {
        List<Term> terms = new ArrayList<>();
        keysByWord.forEach((word, keys) -> terms.add(new Term(word, List.copyOf(keys))));
        terms.sort(Comparator.comparingInt((Term t) -> -t.word().length()));
        this.longestFirst = List.copyOf(terms);
    }

    /** The catalogue's words, the figures' own labels, and the names of what is not computed. */
    static Vocabulary of(List<Figure> figures) {
        Map<String, List<String>> keysByWord = new LinkedHashMap<>();
        for (MetricDefinition definition : MetricCatalogue.all()) {
            for (String name : definition.names()) {
                keysByWord.computeIfAbsent(NumberReader.normalise(name), w -> new ArrayList<>()).add(definition.key());
            }
        }
        for (Figure figure : figures) {
            if (!MetricCatalogue.contains(figure.key())) {
                List<String> keys = keysByWord.computeIfAbsent(NumberReader.normalise(figure.label()),
                        w -> new ArrayList<>());
                if (!keys.contains(figure.key())) {
                    keys.add(figure.key());
                }
            }
        }
        for (String word : NOT_COMPUTED) {
            keysByWord.putIfAbsent(word, new ArrayList<>());
        }
        return new Vocabulary(keysByWord);
    }

    /** The term spelled {@code word}, if any. */
    Optional<Term> term(String word) {
        return longestFirst.stream().filter(t -> t.word().equals(word)).findFirst();
    }

    /** Every term in {@code text[from, to)}, longest first, none overlapping another; marks them in {@code taken}. */
    List<Occurrence> find(String text, int from, int to, boolean[] taken) {
        List<Occurrence> found = new ArrayList<>();
        BitSet present = new BitSet(Character.MAX_VALUE + 1);
        for (int i = from; i < to; i++) {
            present.set(text.charAt(i));
        }
        for (Term term : longestFirst) {
            String word = term.word();
            if (!present.get(word.charAt(0)) || !present.get(word.charAt(word.length() - 1))) {
                continue;
            }
            for (int at = text.indexOf(word, from); at >= 0 && at + word.length() <= to;
                    at = text.indexOf(word, at + 1)) {
                boolean free = true;
                for (int i = at; i < at + word.length() && free; i++) {
                    free = !taken[i];
                }
                if (free) {
                    Arrays.fill(taken, at, at + word.length(), true);
                    found.add(new Occurrence(at, at + word.length(), term));
                }
            }
        }
        found.sort(Comparator.comparingInt(Occurrence::start));
        return found;
    }
}
