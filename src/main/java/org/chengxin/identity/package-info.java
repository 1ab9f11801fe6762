/**
 * Citizens as credit subjects: ID numbers stored encrypted (SM4-GCM) and found through a keyed SM3
 * blind index, the population register, and the validation service for department systems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "身份 identity")
package org.chengxin.identity;
