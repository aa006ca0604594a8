package cn.eduduty.indicator.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.indicator.framework.api.IndicatorRequest;
import cn.eduduty.runtime.problem.Problem.Violation;

/**
 * The framework templates shipped with the service ({@code templates/<id>.json}): a prefecture
 * instantiates one as a draft and edits it. Each is checked against the tree rules at start.
 */
@ApplicationScoped
class TemplateCatalog {

    static final List<String> IDS = List.of("national");

    record Template(String id, String name, String description, List<IndicatorRequest> indicators) {
    }

    private final Map<String, Template> templates = new LinkedHashMap<>();

    TemplateCatalog(ObjectMapper mapper) {
        for (String id : IDS) {
            try (InputStream in = TemplateCatalog.class.getClassLoader().getResourceAsStream("templates/" + id + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("template " + id + " is missing");
                }
                Template t = mapper.readValue(in, Template.class);
                List<Violation> problems = TreeRules.checkEntries(t.indicators(), TreeRules.JSON);
                problems.addAll(TreeRules.checkComplete(t.indicators().stream().map(IndicatorRequest::code).toList()));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("template " + id + " is invalid: " + problems);
                }
                templates.put(id, t);
            } catch (IOException e) {
                throw new UncheckedIOException("template " + id + " cannot be read", e);
            }
        }
    }

    List<Template> all() {
        return List.copyOf(templates.values());
    }

    Optional<Template> find(String id) {
        return Optional.ofNullable(templates.get(id));
    }
}
