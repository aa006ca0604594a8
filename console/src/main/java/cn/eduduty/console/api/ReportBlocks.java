package cn.eduduty.console.api;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.console.api.report.model.Block;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Reads a report's document blocks as the generated {@link Block} itself. The generator (7.25.0,
 * oneOf with a discriminator) gives {@code Block} every property of a heading, a paragraph and a
 * table, but declares {@code Heading}, {@code Paragraph} and {@code Table} as its subtypes without
 * making them extend it, so Jackson refused every report JSON ("Paragraph not subtype of Block")
 * and no page could read a report preview. Without the type information each block reads into
 * {@code Block}, its {@code type} telling which kind it is.
 */
@Singleton
public class ReportBlocks implements ObjectMapperCustomizer {

    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    @JsonIgnoreProperties(ignoreUnknown = true)
    abstract static class PlainBlock {
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(Block.class, PlainBlock.class);
    }
}
