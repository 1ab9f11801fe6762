/**
 * Yueyang demo data for the embedded mode: the city's departments, one account per role, a demo
 * department API client and a few thousand synthetic citizens. Never in production.
 */
@org.springframework.modulith.ApplicationModule(displayName = "演示数据 demo")
package org.chengxin.demo;
