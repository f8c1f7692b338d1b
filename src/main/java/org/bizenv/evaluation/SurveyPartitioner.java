package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bizenv.ingest.CsvRecords;
import org.bizenv.survey.SurveyTally;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the run's survey files into about {@code gridSize} parts of whole records in all, the grid shared out over
 * the files by their bytes ({@link #shares}; a file that gets one part is read whole, unscanned; else
 * {@link SurveyTally#split}, one scan of its bytes), one partition of the survey step each. A partition's execution
 * context holds its file and byte range and the row and line its first record has, so a worker reads just that part
 * and names the file's own rows. The names ({@code f0-p000}, file then part) are the same for the same files and grid
 * size, which Spring Batch keeps across a restart (changed files are another job instance, no restart), so a
 * restart finds the partitions that completed and reruns only the others. Also saves the plan (every file's
 * partition names, in file order) for the merge step.
 */
class SurveyPartitioner implements Partitioner {

    static final String FILE = "file";
    static final String PART = "part";
    static final String START = "start";
    static final String END = "end";
    static final String FIRST_ROW = "firstRow";
    static final String FIRST_LINE = "firstLine";
    static final String LAST_ROW = "lastRow";

    private final SurveyFiles files;
    private final Workspace workspace;

    SurveyPartitioner(SurveyFiles files, Workspace workspace) {
        this.files = files;
        this.workspace = workspace;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        String[][] plan = new String[files.count()][];
        long[] bytes = new long[files.count()];
        for (int f = 0; f < bytes.length; f++) {
            bytes[f] = files.bytes(f);
        }
        int[] shares = shares(bytes, Math.max(1, gridSize));
        for (int f = 0; f < files.count(); f++) {
            List<CsvRecords.Range> parts = shares[f] == 1 ? List.of(CsvRecords.Range.WHOLE)
                    : SurveyTally.split(files.framework(), files.source(f), files.data(f), files.resolver(),
                            shares[f]);
            List<String> names = new ArrayList<>();
            for (int k = 0; k < parts.size(); k++) {
                String name = String.format("f%d-p%03d", f, k);
                names.add(name);
                partitions.put(name, context(f, name, parts.get(k)));
            }
            plan[f] = names.toArray(String[]::new);
        }
        workspace.save(Workspace.SURVEY_PLAN, plan);
        return partitions;
    }

    /**
     * How many parts each file is cut into: the grid shared out over all the files by their bytes (rounded), at least
     * one each and at most the grid; a file that cannot be read counts 0 bytes.
     * The partitions run {@code gridSize} at once, so once the files alone keep every thread busy (this year's and last
     * year's file on two cores) each is read whole: a part more costs a split scan, a step execution, a saved data set
     * and a merge, and on a cold JVM that is more than the part saves. Depends only on the files and the grid size,
     * so a restart (which keeps the first attempt's grid size) plans the same partitions.
     */
    static int[] shares(long[] bytes, int gridSize) {
        long total = 0;
        for (long b : bytes) {
            total += b;
        }
        int[] shares = new int[bytes.length];
        for (int f = 0; f < bytes.length; f++) {
            shares[f] = total == 0 ? (bytes.length == 1 ? gridSize : 1)
                    : (int) Math.max(1, Math.min(gridSize, Math.round((double) gridSize * bytes[f] / total)));
        }
        return shares;
    }

    private static ExecutionContext context(int file, String name, CsvRecords.Range r) {
        ExecutionContext c = new ExecutionContext();
        c.putInt(FILE, file);
        c.putString(PART, name);
        c.putLong(START, r.start());
        c.putLong(END, r.end());
        c.putLong(FIRST_ROW, r.firstRow());
        c.putLong(FIRST_LINE, r.firstLine());
        c.putLong(LAST_ROW, r.lastRow());
        return c;
    }

    /** The range a partition's context holds. */
    static CsvRecords.Range range(ExecutionContext c) {
        return new CsvRecords.Range(c.getLong(START), c.getLong(END), c.getLong(FIRST_ROW), c.getLong(FIRST_LINE),
                c.getLong(LAST_ROW));
    }
}
