# Regenerates tests/YarnDL.UnitTests/Admin/Broken/<case>/ (run from the repository root): one sample file with one
# fault, plus case.txt. Expected lines come from a plain text search in the modified file, never from our parser.
import os, shutil
root='yarn-site-examples'; out='tests/YarnDL.UnitTests/Admin/Broken'
shutil.rmtree(out, ignore_errors=True)
def line_of(text, needle):
    for i,l in enumerate(text.split('\n'),1):
        if needle in l: return i
    raise Exception('not found: '+needle)
def case(name, base, fname, old, new, rule, prop, needle=None, exit=2, line=None, expect_file=None, delete=None, col=None, extra=()):
    d=os.path.join(out,name); os.makedirs(d)
    meta=[f'base={base}']
    if fname:
        text=open(os.path.join(root,base,fname)).read()
        assert old in text, (name, old)
        text=text.replace(old,new,1)
        open(os.path.join(d,fname),'w').write(text)
        if line is None: line=line_of(text, needle)
    if delete: meta.append(f'delete={delete}')
    ef = expect_file or fname
    c = f'|{col}' if col else ''
    meta.append(f'expect={rule}|{ef}|{line}|{prop}{c}')
    for e in extra: meta.append('expect='+e)
    meta.append(f'exit={exit}')
    open(os.path.join(d,'case.txt'),'w').write('\n'.join(meta)+'\n')
V2='capacity-nvidia-docker-v2'; V1='nvidia-docker-v1'
case('gpu-resource-type-missing',V2,'resource-types.xml','<value>yarn.io/gpu</value>','<value></value>','gpu-resource-type-missing','yarn.resource-types','<name>yarn.resource-types</name>')
case('default-resource-calculator',V2,'capacity-scheduler.xml','org.apache.hadoop.yarn.util.resource.DominantResourceCalculator','org.apache.hadoop.yarn.util.resource.DefaultResourceCalculator','default-resource-calculator','yarn.scheduler.capacity.resource-calculator','<name>yarn.scheduler.capacity.resource-calculator</name>')
case('capacity-scheduler-missing',V2,None,None,None,'default-resource-calculator','yarn.scheduler.capacity.resource-calculator',line=1,expect_file='capacity-scheduler.xml',delete='capacity-scheduler.xml')
case('resource-plugin-missing',V2,'yarn-site.xml','<value>yarn.io/gpu</value>','<value>yarn.io/fpga</value>','gpu-resource-plugin-missing','yarn.nodemanager.resource-plugins','<name>yarn.nodemanager.resource-plugins</name>')
case('default-container-executor',V2,'yarn-site.xml','<value>org.apache.hadoop.yarn.server.nodemanager.LinuxContainerExecutor</value>','<value>org.apache.hadoop.yarn.server.nodemanager.DefaultContainerExecutor</value>','not-linux-container-executor','yarn.nodemanager.container-executor.class','<name>yarn.nodemanager.container-executor.class</name>')
case('cgroups-not-mounted',V2,'yarn-site.xml','''    <name>yarn.nodemanager.linux-container-executor.cgroups.mount</name>
    <value>true</value>
  </property>
  <property>
    <!-- Same path as [cgroups] root in container-executor.cfg. -->
    <name>yarn.nodemanager.linux-container-executor.cgroups.mount-path</name>
    <value>/sys/fs/cgroup</value>
  </property>''','''    <name>yarn.nodemanager.linux-container-executor.cgroups.mount</name>
    <value>false</value>
  </property>''','cgroups-not-configured','yarn.nodemanager.linux-container-executor.cgroups.mount','<name>yarn.nodemanager.linux-container-executor.cgroups.mount</name>')
case('cgroups-hierarchy-mismatch',V2,'container-executor.cfg','yarn-hierarchy=/hadoop-yarn','yarn-hierarchy=/yarn','cgroups-mismatch','[cgroups] yarn-hierarchy','yarn-hierarchy=')
case('gpu-module-disabled',V2,'container-executor.cfg','[gpu]\n# Lets container-executor restrict each container to its assigned GPUs.\nmodule.enabled=true','[gpu]\n# Lets container-executor restrict each container to its assigned GPUs.\nmodule.enabled=false','gpu-module-disabled','[gpu] module.enabled',line=None,needle='module.enabled=false')
case('docker-runtime-not-allowed',V2,'yarn-site.xml','<value>default,docker</value>','<value>default</value>','docker-runtime-not-allowed','yarn.nodemanager.runtime.linux.allowed-runtimes','<name>yarn.nodemanager.runtime.linux.allowed-runtimes</name>')
case('docker-module-disabled',V2,'container-executor.cfg','[docker]\nmodule.enabled=true','[docker]\nmodule.enabled=false','docker-module-disabled','[docker] module.enabled','module.enabled=false')
case('nvidia-runtime-not-allowed',V2,'container-executor.cfg','docker.allowed.runtimes=nvidia','docker.allowed.runtimes=runc','nvidia-runtime-not-allowed','[docker] docker.allowed.runtimes','docker.allowed.runtimes=')
case('v1-devices-not-allowed',V1,'container-executor.cfg','docker.allowed.devices=/dev/nvidiactl,/dev/nvidia-uvm,/dev/nvidia-uvm-tools,/dev/nvidia0,/dev/nvidia1,/dev/nvidia2,/dev/nvidia3','docker.allowed.devices=/dev/nvidiactl,/dev/nvidia-uvm','nvidia-devices-not-allowed','[docker] docker.allowed.devices','docker.allowed.devices=')
case('v1-volume-driver-not-allowed',V1,'container-executor.cfg','docker.allowed.volume-drivers=nvidia-docker\n','','nvidia-volume-driver-not-allowed','[docker] docker.allowed.volume-drivers','[docker]')
case('v1-driver-volume-not-mounted',V1,'container-executor.cfg','docker.allowed.ro-mounts=/sys/fs/cgroup,nvidia_driver_535.104.05','docker.allowed.ro-mounts=/sys/fs/cgroup','nvidia-driver-volume-not-mounted','[docker] docker.allowed.ro-mounts','docker.allowed.ro-mounts=')
case('privileged-yarn-site',V2,'yarn-site.xml','''<name>yarn.nodemanager.runtime.linux.docker.privileged-containers.allowed</name>
    <value>false</value>''','''<name>yarn.nodemanager.runtime.linux.docker.privileged-containers.allowed</name>
    <value>true</value>''','privileged-containers-allowed','yarn.nodemanager.runtime.linux.docker.privileged-containers.allowed','<name>yarn.nodemanager.runtime.linux.docker.privileged-containers.allowed</name>')
case('privileged-container-executor',V2,'container-executor.cfg','docker.privileged-containers.enabled=false','docker.privileged-containers.enabled=true','privileged-containers-allowed','[docker] docker.privileged-containers.enabled','docker.privileged-containers.enabled=')
case('no-trusted-registries',V2,'container-executor.cfg','docker.trusted.registries=registry.example.com','docker.trusted.registries=','no-trusted-registries','[docker] docker.trusted.registries','docker.trusted.registries=')
case('gpu-minimum-misspelled',V2,'resource-types.xml','yarn.resource-types.yarn.io/gpu.minimum-allocation<','yarn.resource-types.yarn.io/gpu.minimum<','resource-limit-key-misspelled','yarn.resource-types.yarn.io/gpu.minimum','yarn.io/gpu.minimum<')
case('gpu-maximum-misspelled',V2,'resource-types.xml','yarn.resource-types.yarn.io/gpu.maximum-allocation<','yarn.resource-types.yarn.io/gpu.maximum<','resource-limit-key-misspelled','yarn.resource-types.yarn.io/gpu.maximum','yarn.io/gpu.maximum<')
case('property-typo',V2,'yarn-site.xml','<name>yarn.nodemanager.vmem-check-enabled</name>','<name>yarn.nodemanager.vmem-check-enable</name>','unknown-yarn-property','yarn.nodemanager.vmem-check-enable','vmem-check-enable<')
case('unknown-gpu-docker-plugin',V2,'yarn-site.xml','<value>nvidia-docker-v2</value>','<value>nvidia-docker-v3</value>','unknown-gpu-docker-plugin','yarn.nodemanager.resource-plugins.gpu.docker-plugin','<name>yarn.nodemanager.resource-plugins.gpu.docker-plugin</name>')
case('fair-policy-not-drf','fair-scheduler','fair-scheduler.xml','<defaultQueueSchedulingPolicy>drf</defaultQueueSchedulingPolicy>','<defaultQueueSchedulingPolicy>fair</defaultQueueSchedulingPolicy>','fair-scheduler-not-drf','defaultQueueSchedulingPolicy','<defaultQueueSchedulingPolicy>')
case('container-executor-cfg-missing',V2,None,None,None,'container-executor-cfg-missing','container-executor.cfg',line=1,expect_file='container-executor.cfg',delete='container-executor.cfg')
case('executor-group-mismatch',V2,'container-executor.cfg','yarn.nodemanager.linux-container-executor.group=hadoop','yarn.nodemanager.linux-container-executor.group=yarn','executor-group-mismatch','yarn.nodemanager.linux-container-executor.group','linux-container-executor.group=')
case('nm-local-dirs-not-mountable',V2,'container-executor.cfg','docker.allowed.rw-mounts=/data/yarn/local,/data/yarn/log','docker.allowed.rw-mounts=/data/yarn/log','nm-dirs-not-mountable','[docker] docker.allowed.rw-mounts','docker.allowed.rw-mounts=')
# Malformed inputs: exit 2. Column = where the bad end tag's name starts (after "</").
text=open(os.path.join(root,V2,'yarn-site.xml')).read()
bad=text.replace('<value>false</value>\n  </property>\n  <property>\n    <!-- Must also','<value>false</valu>\n  </property>\n  <property>\n    <!-- Must also',1)
ln=line_of(bad,'</valu>'); col=bad.split('\n')[ln-1].index('</valu>')+3
d=os.path.join(out,'malformed-yarn-site'); os.makedirs(d); open(os.path.join(d,'yarn-site.xml'),'w').write(bad)
open(os.path.join(d,'case.txt'),'w').write(f'base={V2}\nexpect=malformed-file|yarn-site.xml|{ln}|yarn-site.xml|{col}\nexit=2\n')
case('malformed-container-executor',V2,'container-executor.cfg','[gpu]\n# Lets container-executor restrict each container to its assigned GPUs.\nmodule.enabled=true','[gpu]\n# Lets container-executor restrict each container to its assigned GPUs.\nmodule.enabled true','malformed-file','container-executor.cfg','module.enabled true',exit=2,col=1)
print(len(os.listdir(out)))
