/**
 * Key-group and student credit archives (重点人群与学生诚信档案, policy 七 and 四): a department regulates the key groups
 * (律师, 教师, 医师 …) carried by the catalog items it may push and reads, for a purpose from a fixed list, the
 * archive of a member of such a group (the member's records in force of every item carrying the group, from any
 * department); the education bureau and schools read the student archive (the education domain's items) the same
 * way. Each opening is a use of the person's data: published as {@link org.chengxin.archives.ArchiveOpened}, which
 * the query log's owner records, and audited. The module depends on no module that hears it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "重点人群与学生诚信档案 archives",
        allowedDependencies = { "shared", "catalog", "catalog :: domain", "records", "identity", "organization" })
package org.chengxin.archives;
