package org.chengxin.organization;

import java.util.List;
import java.util.Optional;

import org.chengxin.shared.organization.DepartmentCode;

/** The organization module's API for departments. */
public interface Departments {

    /**
     * Registers a department under the code as typed; a code that breaks the rule is refused here
     * ({@code DEPARTMENT_INVALID_CODE}), with the other fields, so the form reports it like any of them.
     */
    Department register(String code, String name, DepartmentKind kind, String uscc, String regionCode);

    Optional<Department> find(DepartmentCode code);

    List<Department> all();
}
