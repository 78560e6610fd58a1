package io.siyu.shared;

/** The addressed thing does not exist (or the caller may not know it does); answered as 404 problem details. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
