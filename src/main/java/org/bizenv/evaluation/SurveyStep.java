package org.bizenv.evaluation;

import java.util.ArrayList;
import java.util.List;

import org.bizenv.ingest.CsvRecords;
import org.bizenv.ingest.Problems;
import org.bizenv.survey.SurveyResponse;
import org.bizenv.survey.SurveyTally;
import org.bizenv.survey.ValidResponse;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * One partition of the survey step, chunk-oriented and a thin shell over {@link SurveyTally}: {@link #readBlock}
 * streams the questionnaire rows of one part of one survey file ({@link SurveyPartitioner}) in blocks of {@link #BLOCK}
 * rows, {@link #process} checks each row of a block and {@link #write} counts them. The item is a block, not a row,
 * because Spring Batch's work per item (the step-scoped proxy's lookup and reflective call for each of read, process
 * and write, the chunk's bookkeeping) cost more than reading a row did: per block it is paid once per thousand rows. At
 * the end its counts, respondents' fingerprints and problems are saved as the named data set {@code
 * survey-part-<partition>}, for {@link SurveyMergeStep}; a partition that failed saves nothing and is run again by a
 * restart, the others are not.
 *
 * <p>Step-scoped: every partition's step execution gets its own instance, so partitions running at once, two runs in
 * one JVM or a restart never share tallies.
 */
class SurveyStep implements StepExecutionListener {

    /** Rows a block (the chunk step's item) holds. */
    static final int BLOCK = 1_000;

    private final SurveyFiles files;
    private final Workspace workspace;
    private final int file;
    private final String partition;
    private final CsvRecords.Range range;
    private final Problems problems = new Problems();
    /** Opened on first use, not here: see {@link #tally()}. */
    private SurveyTally tally;

    SurveyStep(SurveyFiles files, Workspace workspace, int file, String partition, CsvRecords.Range range) {
        this.files = files;
        this.workspace = workspace;
        this.file = file;
        this.partition = partition;
        this.range = range;
    }

    /**
     * The part's tally, its file opened on the first read. Not in the constructor: Spring Batch's step scope makes its
     * beans under one lock for every thread, so a partition opening its file there (on a cold JVM the CSV reader's
     * classes loaded and run for the first time) held the other partitions back from starting (12–25 ms).
     */
    private SurveyTally tally() {
        if (tally == null) {
            tally = new SurveyTally(files.framework(), files.source(file), files.data(file), files.lastYear(file),
                    files.resolver(), Intake.evaluatedOnly(files.resolver(), problems), files.keepPatterns(file),
                    range);
        }
        return tally;
    }

    /** The data set a partition's results are saved as. */
    static String dataSet(String partition) {
        return Workspace.SURVEY_PART + partition;
    }

    /** The next row of the part; null at its end. */
    SurveyResponse read() {
        return tally().next();
    }

    /** The next block of rows of the part, in file order (at most {@link #BLOCK}); null at its end. */
    List<SurveyResponse> readBlock() {
        List<SurveyResponse> block = new ArrayList<>(BLOCK);
        for (SurveyResponse r = read(); r != null; r = read()) {
            block.add(r);
            if (block.size() == BLOCK) {
                break;
            }
        }
        return block.isEmpty() ? null : block;
    }

    /** The block's rows checked (their problems added), in order; the rows whose unit or size is unusable left out. */
    List<ValidResponse> process(List<SurveyResponse> block) {
        List<ValidResponse> valid = new ArrayList<>(block.size());
        for (SurveyResponse row : block) {
            ValidResponse v = tally().validate(row);
            if (v != null) {
                valid.add(v);
            }
        }
        return valid;
    }

    void write(Chunk<? extends List<ValidResponse>> chunk) {
        for (List<ValidResponse> block : chunk) {
            for (ValidResponse v : block) {
                tally().add(v);
            }
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (tally != null) {
            tally.close();
        }
        if (!stepExecution.getStatus().equals(BatchStatus.COMPLETED)) {
            return stepExecution.getExitStatus();
        }
        try {
            workspace.save(dataSet(partition), tally().part(problems));
        } catch (RuntimeException e) {
            // Spring Batch only logs what a listener throws: fail the partition, so that a restart runs it again
            stepExecution.setStatus(BatchStatus.FAILED);
            stepExecution.addFailureException(e);
            return ExitStatus.FAILED;
        }
        return stepExecution.getExitStatus();
    }
}
