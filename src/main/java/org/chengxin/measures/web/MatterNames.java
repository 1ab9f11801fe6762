package org.chengxin.measures.web;

import java.util.HashMap;
import java.util.Map;

import org.chengxin.measures.domain.Matter;
import org.chengxin.measures.domain.Measure;
import org.chengxin.measures.domain.MeasureList;

/** The matters of a list by code, "*" read as every matter: measures name their matters by code. */
final class MatterNames {

    private MatterNames() {
    }

    static Map<String, String> of(MeasureList list) {
        Map<String, String> names = new HashMap<>();
        for (Matter m : list.matters()) {
            names.put(m.code(), m.name());
        }
        names.put(Measure.ALL, "全部事项");
        return names;
    }
}
