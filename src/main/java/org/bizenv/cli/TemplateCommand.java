package org.bizenv.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.bizenv.framework.Framework;
import org.bizenv.framework.FrameworkException;
import org.bizenv.framework.FrameworkLoader;
import org.bizenv.ingest.InputDataException;
import org.bizenv.template.TemplateException;
import org.bizenv.template.Templates;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bizenv template}: the blank forms and tables of a year's data collection, from the framework alone. */
@Command(name = "template", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = BizenvCommand.USAGE,
        description = {"Writes the blank data-collection templates of a framework into <output>/<year>/, laid out "
                + "as the framework's sources say, so that, filled in, the folder is the year's --data folder: a "
                + "return workbook per unit of the registry (<unit code>.xlsx: items, names, units and definitions "
                + "filled in, the value cells open, validated against each indicator's valid range, the rest "
                + "protected without a password, and an instructions sheet), each unit table with its header and a "
                + "row per unit, the walk-through log's header, and the survey's header with a codebook.",
                "Writes only into a new or empty folder unless --force is given; the same framework and year give "
                        + "byte-identical files."})
public class TemplateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--framework"}, required = true, paramLabel = "FILE",
            description = "Framework file (YAML), e.g. indicators/miit-sme-2024.yaml")
    Path framework;

    @Option(names = {"-y", "--year"}, required = true, paramLabel = "YEAR", description = "Evaluation year the data are for")
    int year;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
            description = "Folder the templates go into, as DIR/YEAR/ (a new or empty folder)")
    Path output;

    @Option(names = "--force", description = "Write even if DIR/YEAR is not empty: its content is replaced")
    boolean force;

    @Override
    public Integer call() {
        Path folder = output.resolve(Integer.toString(year));
        String refusal = OutputFolders.refusal(folder, force);
        if (refusal != null) {
            System.err.println(refusal);
            return BizenvCommand.USAGE;
        }
        List<Templates.TemplateFile> files;
        try {
            Framework fw = FrameworkLoader.load(framework);
            files = Templates.build(fw, Templates.units(fw), year);
        } catch (FrameworkException | InputDataException | TemplateException e) {
            System.err.println(e.getMessage());
            System.err.println("No templates were written.");
            return BizenvCommand.INVALID_INPUT;
        }
        try {
            Templates.write(files, folder);
        } catch (IOException e) {
            System.err.println(Faults.couldNotWrite("the templates", folder, e));
            return BizenvCommand.FAILED;
        }
        System.out.println(files.size() + " template files written to " + folder + ". Fill them in, then: bizenv run "
                + "--framework " + framework + " --data " + folder + " --year " + year);
        return BizenvCommand.OK;
    }
}
