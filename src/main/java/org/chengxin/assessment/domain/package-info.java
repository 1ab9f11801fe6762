/** The periods, counts and score formula of the assessment of departments, in plain Java. */
@org.springframework.modulith.NamedInterface("domain")
package org.chengxin.assessment.domain;
