package org.chengxin.records.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record's content as read from the database, parsed from its JSON on first use. Most readers of a
 * person's records (the standing behind a measure check, a score, a list) never look at the content;
 * they no longer pay for parsing it. Unmodifiable, like the parsed map it stands for.
 */
final class LazyJsonContent extends AbstractMap<String, Object> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final String json;
    private volatile Map<String, Object> parsed;

    LazyJsonContent(String json) {
        this.json = json;
    }

    private Map<String, Object> parsed() {
        Map<String, Object> p = parsed;
        if (p == null) {
            p = Collections.unmodifiableMap(JSON.readValue(json, MAP));
            parsed = p;
        }
        return p;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return parsed().entrySet();
    }

    @Override
    public Object get(Object key) {
        return parsed().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return parsed().containsKey(key);
    }

    @Override
    public int size() {
        return parsed().size();
    }
}
