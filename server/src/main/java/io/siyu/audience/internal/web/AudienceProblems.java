package io.siyu.audience.internal.web;

import io.siyu.audience.internal.index.CurrentIndex;
import io.siyu.shared.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** While the index is being built, every audience endpoint answers 503 with a problem and when to retry. */
@RestControllerAdvice(
        assignableTypes = {
            AudienceController.class,
            SegmentController.class,
            TagController.class,
            LifecycleController.class
        })
class AudienceProblems {

    @ExceptionHandler(CurrentIndex.AudienceNotReady.class)
    ResponseEntity<ProblemDetail> notReady(CurrentIndex.AudienceNotReady e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(Problems.PROBLEM_JSON)
                .body(e.problem);
    }
}
