package cn.eduduty.report.snapshot;

import java.util.List;

import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Paragraph;

/** The end of a report's body: a blank line, then the signing authority and the date, right-aligned. */
final class SignatureBlock {

    private SignatureBlock() {
    }

    static void write(ReportComposer.Signature signature, List<Document.Block> blocks) {
        blocks.add(Paragraph.of(""));
        blocks.add(new Paragraph(signature.authority(), true));
        blocks.add(new Paragraph(Wording.date(signature.date()), true));
    }
}
