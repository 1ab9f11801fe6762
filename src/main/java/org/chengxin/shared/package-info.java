/**
 * The shared kernel: value types every module speaks (citizen ID numbers, roles), masking, problem-detail
 * errors, the audit event, and the clock. Open to every module; it depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "共享内核 shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.chengxin.shared;
