package org.swis.io.graph;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import org.swis.io.FuzzChecks;
import org.swis.io.InputException;

/**
 * Fuzzes the graph.json reader, {@link GraphReader#parse}, on arbitrary text (the bytes decoded as
 * UTF-8). Oracle: every text ends either in an {@link InputException} that names the file, a field
 * and what was expected ({@link FuzzChecks#checkRejection}), or in a {@link Graph} that keeps every
 * promise of the reader's Javadoc and GRAPH_FORMAT.md ({@link GraphInvariants}): nodes in
 * topological order, each name defined once, every stated shape positive and equal to the one
 * propagated from the input (recomputed here in {@code long}), {@link GraphReader#tensorShapes}
 * consistent with it. Any other exception or error is a finding.
 *
 * <p>Seeds ({@code GraphFuzzTestInputs/graph/}): the three real graph.json files of
 * ../shared/weights, one small valid graph per op kind and a few rejected ones. Short run: the
 * {@code fuzz-graph} execution of io/pom.xml; long run: {@code io/fuzz-long.sh 1000000 GraphFuzzTest}.
 */
class GraphFuzzTest {
    private static final String FILE = "fuzz/graph.json";

    @FuzzTest(maxDuration = FuzzChecks.SHORT_RUN)
    void graph(byte[] data) {
        Graph g;
        try {
            g = GraphReader.parse(FILE, new String(data, StandardCharsets.UTF_8));
        } catch (InputException rejected) {
            FuzzChecks.checkRejection(rejected, FILE);
            return;
        }
        GraphInvariants.check(g);
    }
}
