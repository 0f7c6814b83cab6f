# SPDX-License-Identifier: Apache-2.0
# Install rules (OGI_INSTALL): headers, the libraries, the CMake package, ogi.pc and ogi-c.pc,
# the JSON Schema, the licence, and the ogi program when it is built.
include(CMakePackageConfigHelpers)

install(TARGETS ogi ogi_c EXPORT ogiTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
if(OGI_PDF)   # the PDF component (GPL-3.0 for a program that links it: docs/formats.md)
  install(TARGETS ogi_pdf EXPORT ogiTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/bindings/c/include/ogi.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ogi ${PROJECT_BINARY_DIR}/include/ogi
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES ${PROJECT_SOURCE_DIR}/docs/schema/ogi.report-1.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/ogi)
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE ${PROJECT_SOURCE_DIR}/NOTICE ${PROJECT_SOURCE_DIR}/CHANGELOG.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
if(TARGET ogi_cli)
  install(TARGETS ogi_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
if(BUILD_SHARED_LIBS)
  # installed programs and libraries find libogi.so relative to where they lie, whatever the prefix
  ogi_install_rpath(ogi_c ${CMAKE_INSTALL_LIBDIR})
  if(TARGET ogi_cli)
    ogi_install_rpath(ogi_cli ${CMAKE_INSTALL_BINDIR})
  endif()
endif()

# What a program in another language than C++ must add to link the static C++ library: the C++
# compiler's own runtime libraries less those every C link has (stdc++ and m with GCC).
set(OGI_CXX_RUNTIME ${CMAKE_CXX_IMPLICIT_LINK_LIBRARIES})
list(REMOVE_ITEM OGI_CXX_RUNTIME c gcc gcc_s gcc_s.1 gcc_eh)
list(REMOVE_DUPLICATES OGI_CXX_RUNTIME)
list(TRANSFORM OGI_CXX_RUNTIME REPLACE "(.+)" "$<$<NOT:$<LINK_LANGUAGE:CXX>>:\\1>" OUTPUT_VARIABLE OGI_CXX_RUNTIME_FOR_C)
if(BUILD_SHARED_LIBS)
  set(OGI_SHARED ON)
else()
  set(OGI_SHARED OFF)
endif()

# The CMake package (find_package(ogi)).
install(EXPORT ogiTargets NAMESPACE ogi:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ogiConfig.cmake.in
  ${PROJECT_BINARY_DIR}/ogiConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ogiConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ogiConfig.cmake ${PROJECT_BINARY_DIR}/ogiConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ogi)

# pkg-config files, relocatable: paths relative to the .pc file's own folder (${pcfiledir}), so
# that `cmake --install build --prefix DIR` and a moved tree both work.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(OGI_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  set(OGI_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(OGI_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
else()
  file(RELATIVE_PATH _up "/p/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/p")
  set(OGI_PC_PREFIX "\${pcfiledir}/${_up}")
  set(OGI_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(OGI_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
# A static libogi needs its dependencies on every link: they are Requires and Libs, since a plain
# `pkg-config --libs` leaves out the .private fields. A shared one carries them itself.
set(OGI_PC_DEPS "icu-uc icu-i18n libpcre2-8 libutf8proc gumbo minizip zlib pugixml")
set(OGI_PC_THREADS "")
if(CMAKE_THREAD_LIBS_INIT)
  set(OGI_PC_THREADS " ${CMAKE_THREAD_LIBS_INIT}")
endif()
list(TRANSFORM OGI_CXX_RUNTIME PREPEND "-l" OUTPUT_VARIABLE _runtime_flags)
list(JOIN _runtime_flags " " OGI_PC_CXX_RUNTIME)
if(OGI_SHARED)
  set(OGI_PC_REQUIRES "Requires.private: ${OGI_PC_DEPS}")
  set(OGI_PC_LIBS "-L\${libdir} -logi")
  set(OGI_PC_C_LIBS "-L\${libdir} -logi_c")
else()
  set(OGI_PC_REQUIRES "Requires: ${OGI_PC_DEPS}")
  set(OGI_PC_LIBS "-L\${libdir} -logi${OGI_PC_THREADS}")
  set(OGI_PC_C_LIBS "-L\${libdir} -logi_c -logi ${OGI_PC_CXX_RUNTIME}${OGI_PC_THREADS}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/ogi.pc.in ${PROJECT_BINARY_DIR}/ogi.pc @ONLY)
configure_file(${PROJECT_SOURCE_DIR}/cmake/ogi-c.pc.in ${PROJECT_BINARY_DIR}/ogi-c.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ogi.pc ${PROJECT_BINARY_DIR}/ogi-c.pc
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
