/** The face of the platform: the public home page, login, each role's home page, the error page. */
@org.springframework.modulith.ApplicationModule(displayName = "门户 portal")
package org.chengxin.portal;
