/**
 * 诚信典型 (honesty models) on the public portal: a person's good-credit records of public items (honours, awards,
 * recognised good conduct) with their name, shown only while the person consents; the consent is given and withdrawn
 * on {@code /my/honesty-model} and takes effect at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "诚信典型 honours",
        allowedDependencies = { "shared", "identity", "organization", "catalog", "catalog :: domain", "records" })
package org.chengxin.honours;
