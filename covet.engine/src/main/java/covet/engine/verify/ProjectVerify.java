package covet.engine.verify;

import covet.engine.Covet;
import covet.engine.lint.MigrationSelection;
import java.util.List;

/** The verifier on a project: scratch databases on the development URL if given, else on the project's server. */
public final class ProjectVerify {
    private ProjectVerify() {
    }

    public static List<VerifyResult> verify(Covet covet, MigrationSelection selection, String devUrl) {
        String server = devUrl != null ? devUrl : covet.config().devUrl() != null ? covet.config().devUrl()
                : covet.url();
        return new Verifier(covet.dialect(), server, covet.config().connectionProperties())
                .verify(selection.order(), selection.ids());
    }
}
