package org.chengxin.shared.id;

import java.util.List;

/** A string that is not an acceptable ID number. Its message never contains the number. */
public class InvalidIdNumberException extends IllegalArgumentException {

    private final transient IdNumberCheck check;

    public InvalidIdNumberException(IdNumberCheck check) {
        super(check.errors().isEmpty() ? "身份证号码无效" : check.errors().get(0).message());
        this.check = check;
    }

    public IdNumberError firstError() {
        return check.errors().get(0);
    }

    public List<IdNumberError> errors() {
        return check.errors();
    }
}
