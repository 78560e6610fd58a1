package io.siyu.access;

import io.siyu.shared.Problems;
import io.siyu.shared.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request that compares customer data with phone numbers or e-mail addresses, refused because the caller may not see
 * personal data: its answers would give away, one guess at a time, the digits and letters that masking hides. Answered
 * 403 {@code /problems/personal-data-required}, naming the field and the permission it needs.
 */
public final class PersonalDataRequired extends ErrorResponseException {

    static final String RULE = "personal-data-required";

    /** {@code comparison} says what was asked, e.g. "looking customers up by phone number". */
    public PersonalDataRequired(String field, String comparison) {
        super(HttpStatus.FORBIDDEN, problem(field, comparison), null);
    }

    private static org.springframework.http.ProblemDetail problem(String field, String comparison) {
        var message = comparison + " needs the " + Permission.PERSONAL_DATA_READ.authority() + " permission";
        var problem = Problems.problem(HttpStatus.FORBIDDEN, RULE, "Personal data required", field + ": " + message);
        problem.setProperty("permission", Permission.PERSONAL_DATA_READ.authority());
        problem.setProperty("errors", List.of(new Violation(field, RULE, message)));
        return problem;
    }
}
