package org.chengxin.organization;

import java.util.List;
import java.util.Optional;

/** The organization module's API for departments. */
public interface Departments {

    Department register(String code, String name, DepartmentKind kind, String uscc, String regionCode);

    Optional<Department> find(String code);

    List<Department> all();
}
