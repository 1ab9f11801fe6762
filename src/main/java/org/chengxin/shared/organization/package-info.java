/** Names of the organization module's things that every module speaks: a department's code. */
package org.chengxin.shared.organization;
