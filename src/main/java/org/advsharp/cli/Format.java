package org.advsharp.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.StringJoiner;
import org.ejml.data.DMatrixRMaj;

/** Output formats of hessian and sweep, and the helpers that write numbers in them (round-trip exact). */
enum Format {
    json, csv;

    static final ObjectMapper JSON = new ObjectMapper();

    static ArrayNode array(double[] values) {
        ArrayNode a = JSON.createArrayNode();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    static ArrayNode matrix(DMatrixRMaj m) {
        ArrayNode rows = JSON.createArrayNode();
        for (int i = 0; i < m.numRows; i++) {
            ArrayNode row = rows.addArray();
            for (int j = 0; j < m.numCols; j++) {
                row.add(m.get(i, j));
            }
        }
        return rows;
    }

    static String pretty(Object tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON output failed: " + e.getOriginalMessage(), e);
        }
    }

    /** "name,v1,v2,..." with values as Java writes doubles (shortest form that reads back exactly). */
    static String csvRow(String name, double... values) {
        StringJoiner j = new StringJoiner(",");
        j.add(name);
        for (double v : values) {
            j.add(Double.toString(v));
        }
        return j.toString();
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
