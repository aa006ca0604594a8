package cn.eduduty.console.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.api.indicator.model.ReturnRequest;
import cn.eduduty.console.api.indicator.model.ReviewCommentRequest;

class ReturnFormTest {

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    @Test
    void sendsOnlyTheCommentsTyped() {
        ReturnRequest sent = ReturnForm.request(" 请补充佐证材料。 ", form("version", "7", "summary", "x",
                "comment.1.1.1", "", "comment.2.2.1", " 体育场地数据有误 ", "comment.3.1.2", "   ",
                "comment.4.1.1", "毛入园率请核实"));

        assertThat(sent.getSummary()).isEqualTo("请补充佐证材料。");
        assertThat(sent.getComments()).extracting(ReviewCommentRequest::getIndicatorCode).containsExactly("2.2.1", "4.1.1");
        assertThat(sent.getComments()).extracting(ReviewCommentRequest::getComment).containsExactly("体育场地数据有误", "毛入园率请核实");
    }

    @Test
    void commentsGoInTheFrameworksOrderWhateverOrderTheFormCameIn() {
        ReturnRequest sent = ReturnForm.request("退回", form("comment.10.1.1", "c", "comment.4.1.1", "b",
                "comment.2.2.1", "a", "comment.4.1", "d"));

        assertThat(sent.getComments()).extracting(ReviewCommentRequest::getIndicatorCode)
                .containsExactly("2.2.1", "4.1", "4.1.1", "10.1.1");
    }

    @Test
    void aBlankSummaryIsSentForTheServiceToRefuse() {
        assertThat(ReturnForm.request(null, form()).getSummary()).isEmpty();
        assertThat(ReturnForm.request("  ", form()).getComments()).isEmpty();
    }

    @Test
    void aCommentsViolationGoesToTheFieldOfTheCommentItNames() {
        ReturnRequest sent = ReturnForm.request("退回", form("comment.1.1.2", "a", "comment.2.2.1", "b", "comment.5.1.3", "c"));

        assertThat(ReturnForm.fieldOf("comments[0].comment", sent)).isEqualTo("comment.1.1.2");
        assertThat(ReturnForm.fieldOf("comments[2].comment", sent)).isEqualTo("comment.5.1.3");
        assertThat(ReturnForm.fieldOf("comments[1].indicatorCode", sent)).isEqualTo("comment.2.2.1");
        assertThat(ReturnForm.fieldOf("comments[1]", sent)).isEqualTo("comment.2.2.1");
    }

    @Test
    void otherViolationsKeepTheirNames() {
        ReturnRequest sent = ReturnForm.request("退回", form("comment.1.1.2", "a"));

        assertThat(ReturnForm.fieldOf("summary", sent)).isEqualTo("summary");
        assertThat(ReturnForm.fieldOf("comments", sent)).isEqualTo("comments");
        assertThat(ReturnForm.fieldOf("comments[5].comment", sent)).as("no such comment sent").isEqualTo("comments[5].comment");
    }

    @Test
    void twoMessagesForOneFieldAreJoined() {
        ReturnRequest sent = ReturnForm.request("", form("comment.1.1.2", "a"));

        Map<String, String> byField = ReturnForm.byFormField(Map.of("comments[0].comment", "too long",
                "comments[0].indicatorCode", "1.1.2 is not an indicator of the framework"), sent);

        assertThat(byField).containsOnlyKeys("comment.1.1.2");
        assertThat(byField.get("comment.1.1.2")).contains("too long").contains("is not an indicator").contains("；");
    }
}
